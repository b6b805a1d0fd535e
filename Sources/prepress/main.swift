import PrepressCLI

await PrepressCommand.runFromCommandLine()
