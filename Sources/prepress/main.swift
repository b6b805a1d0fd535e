import PrepressCLI

PrepressCommand.runFromCommandLine()
