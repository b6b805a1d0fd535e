import Foundation
import Testing
@testable import PrepressTemplates
import PrepressTestSupport

@Suite struct BuiltinThemeTests {
    let templatesDirectory = repositoryRoot + "/templates"

    @Test func theCopyInTheBinaryIsTemplatesFolderFileForFile() throws {
        let enumerator = try #require(FileManager.default.enumerator(atPath: templatesDirectory))
        var onDisk: [String: String] = [:]
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: templatesDirectory + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue, !(path as NSString).lastPathComponent.hasPrefix(".") {
                onDisk[path] = try String(contentsOfFile: templatesDirectory + "/" + path, encoding: .utf8)
            }
        }
        var carried: [String: String] = [:]
        for file in BuiltinTheme.files { carried[file.path] = file.text }
        #expect(Set(carried.keys) == Set(onDisk.keys), "run `make theme`")
        for (path, text) in onDisk {
            #expect(carried[path] == text, "\(path) differs from the built-in copy: run `make theme`")
        }
    }

    @Test func everyBuiltInTemplateCompiles() throws {
        let renderer = try TemplateRenderer(theme: .builtIn, pages: [])
        #expect(renderer.names.isSuperset(of: ["base", "guide", "index", "partials/header", "partials/footer",
                                                "partials/guide-card", "partials/pagination"]))
    }
}
