#if PREPRESS_JEMALLOC
import CJemalloc  // links jemalloc, the process's allocator; see Package.swift
#endif
import PrepressCLI

await PrepressCommand.runFromCommandLine()
