import Foundation
import Hummingbird
import Logging
import PrepressBuild
import PrepressContent
import ServiceLifecycle
import UnixSignals

/// `prepress serve`: builds the site in memory, serves it over HTTP with Hummingbird, and rebuilds what an
/// edit affects, telling open pages to reload over Server-Sent Events. It never writes into output/.
public struct PreviewServer: Sendable {
    public var siteDirectory: String
    public var host: String
    public var port: Int
    /// Told what happens: the address once listening, each rebuild, and diagnostics.
    public var report: @Sendable (PreviewEvent) -> Void

    public init(siteDirectory: String, host: String = "127.0.0.1", port: Int = 8080, report: @escaping @Sendable (PreviewEvent) -> Void = { _ in }) {
        self.siteDirectory = siteDirectory
        self.host = host
        self.port = port
        self.report = report
    }

    /// Runs until SIGINT or SIGTERM. Throws `PreviewError.portInUse` when the port is taken.
    public func run() async throws {
        let store = PreviewStore()
        let watcher = FileWatcher(root: siteDirectory)
        let app = makeApplication(store: store, watcher: watcher)
        // A group shuts its services down last to first: the watcher goes first and ends the event streams,
        // so the server is not left waiting for those never-ending responses.
        let group = ServiceGroup(configuration: .init(
            services: [app, WatchService(store: store, watcher: watcher, report: report)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: app.logger))
        do {
            try await group.run()
        } catch {
            if "\(error)".contains("Address already in use") || "\(error)".contains("EADDRINUSE") {
                throw PreviewError.portInUse(host: host, port: port)
            }
            throw error
        }
    }

    /// The Hummingbird application: routes, and the first build once listening.
    func makeApplication(store: PreviewStore, watcher: FileWatcher) -> Application<RouterResponder<BasicRequestContext>> {
        var logger = Logger(label: "prepress.serve")
        // PREPRESS_LOG=debug shows the server's own log (requests, connections, shutdown).
        logger.logLevel = ProcessInfo.processInfo.environment["PREPRESS_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        let siteDirectory = self.siteDirectory
        let host = self.host
        let report = self.report
        return Application(
            router: Self.makeRouter(store: store),
            configuration: .init(address: .hostname(host, port: port), serverName: "Prepress"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let displayHost = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host
                let url = "http://\(displayHost.contains(":") ? "[\(displayHost)]" : displayHost):\(port)/"
                var options = BuildOptions(siteDirectory: siteDirectory)
                options.baseURL = url
                options.includeDrafts = true
                options.includeFuture = true
                options.generator = "Prepress"
                await store.configure(options)
                let first = await store.buildAll()
                report(.built(first.warnings, errors: first.errors, seconds: first.seconds))
                report(.listening(url: url))
            },
            logger: logger)
    }

    /// Routes: the live-reload script and event stream, then every other path from the built site.
    static func makeRouter(store: PreviewStore) -> Router<BasicRequestContext> {
        let router = Router()
        router.get(RouterPath(stringLiteral: LiveReload.scriptPath)) { _, _ in
            Response(status: .ok,
                     headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"],
                     body: .init(byteBuffer: ByteBuffer(string: LiveReload.script)))
        }
        router.get(RouterPath(stringLiteral: LiveReload.eventsPath)) { _, _ in
            let (stream, current) = await store.listen()
            let body = ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "retry: 500\nevent: reload\ndata: \(current)\n\n"))
                for try await generation in stream.cancelOnGracefulShutdown() {
                    try await writer.write(ByteBuffer(string: "event: reload\ndata: \(generation)\n\n"))
                }
                try await writer.finish(nil)
            }
            return Response(status: .ok,
                            headers: [.contentType: "text/event-stream", .cacheControl: "no-cache", .connection: "keep-alive"],
                            body: body)
        }
        let serve: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            let (state, errors, generation) = await store.snapshot()
            let answer = PreviewResponder.respond(
                path: request.uri.path, head: request.method == .head, ifNoneMatch: request.headers[.ifNoneMatch],
                state: state, errors: errors, generation: generation)
            var headers = HTTPFields()
            for (name, value) in answer.headers {
                switch name {
                case "Content-Type": headers[.contentType] = value
                case "Content-Length": headers[.contentLength] = value
                case "ETag": headers[.eTag] = value
                case "Cache-Control": headers[.cacheControl] = value
                case "Location": headers[.location] = value
                default: break
                }
            }
            return Response(status: .init(code: answer.status), headers: headers,
                            body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
        }
        router.get("/", use: serve)
        router.head("/", use: serve)
        router.get("/**", use: serve)
        router.head("/**", use: serve)
        return router
    }
}
