//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

import XCTest

@testable import Mustache

final class LibraryTests: XCTestCase {
    // Prepress: upstream works in ./templates, which in this repository is the theme; each test gets a fresh
    // folder of its own instead.
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mustache-library-\(UUID().uuidString)").path
    func testDirectoryLoad() async throws {
        let fs = FileManager()
        try? fs.createDirectory(atPath: self.dir, withIntermediateDirectories: false)
        defer { XCTAssertNoThrow(try fs.removeItem(atPath: self.dir)) }
        let mustache = Data("<test>{{#value}}<value>{{.}}</value>{{/value}}</test>".utf8)
        try mustache.write(to: URL(fileURLWithPath: self.dir + "/test.mustache"))
        defer { XCTAssertNoThrow(try fs.removeItem(atPath: self.dir + "/test.mustache")) }

        let library = try await MustacheLibrary(directory: self.dir)
        let object = ["value": ["value1", "value2"]]
        XCTAssertEqual(library.render(object, withTemplate: "test"), "<test><value>value1</value><value>value2</value></test>")
    }

    func testPartial() async throws {
        let fs = FileManager()
        try? fs.createDirectory(atPath: self.dir, withIntermediateDirectories: false)
        let mustache = Data("<test>{{#value}}<value>{{.}}</value>{{/value}}</test>".utf8)
        try mustache.write(to: URL(fileURLWithPath: self.dir + "/test-partial.mustache"))
        let mustache2 = Data("{{>test-partial}}".utf8)
        try mustache2.write(to: URL(fileURLWithPath: self.dir + "/test.mustache"))
        defer {
            XCTAssertNoThrow(try fs.removeItem(atPath: self.dir + "/test-partial.mustache"))
            XCTAssertNoThrow(try fs.removeItem(atPath: self.dir + "/test.mustache"))
            XCTAssertNoThrow(try fs.removeItem(atPath: self.dir))
        }

        let library = try await MustacheLibrary(directory: self.dir)
        let object = ["value": ["value1", "value2"]]
        XCTAssertEqual(library.render(object, withTemplate: "test"), "<test><value>value1</value><value>value2</value></test>")
    }

    func testPartialInSubfolder() async throws {
        let fs = FileManager()
        try? fs.createDirectory(atPath: self.dir + "/subfolder", withIntermediateDirectories: true)
        let mustache = Data("<test>{{#value}}<value>{{.}}</value>{{/value}}</test>".utf8)
        try mustache.write(to: URL(fileURLWithPath: self.dir + "/subfolder/test-partial.mustache"))
        let mustache2 = Data("{{>subfolder/test-partial}}".utf8)
        try mustache2.write(to: URL(fileURLWithPath: self.dir + "/test.mustache"))
        defer {
            XCTAssertNoThrow(try fs.removeItem(atPath: self.dir + "/subfolder/test-partial.mustache"))
            XCTAssertNoThrow(try fs.removeItem(atPath: self.dir + "/test.mustache"))
            XCTAssertNoThrow(try fs.removeItem(atPath: self.dir))
        }

        let library = try await MustacheLibrary(directory: self.dir)
        let object = ["value": ["value1", "value2"]]
        XCTAssertEqual(library.render(object, withTemplate: "test"), "<test><value>value1</value><value>value2</value></test>")
    }

    func testLibraryParserError() async throws {
        let fs = FileManager()
        try? fs.createDirectory(atPath: self.dir, withIntermediateDirectories: false)
        defer { XCTAssertNoThrow(try fs.removeItem(atPath: self.dir)) }
        let mustache = Data("<test>{{#value}}<value>{{.}}</value>{{/value}}</test>".utf8)
        try mustache.write(to: URL(fileURLWithPath: self.dir + "/test.mustache"))
        defer { XCTAssertNoThrow(try fs.removeItem(atPath: self.dir + "/test.mustache")) }
        let mustache2 = Data(
            """
            {{#test}}
            {{{name}}
            {{/test2}}
            """.utf8
        )
        try mustache2.write(to: URL(fileURLWithPath: self.dir + "/error.mustache"))
        defer { XCTAssertNoThrow(try fs.removeItem(atPath: self.dir + "/error.mustache")) }

        do {
            _ = try await MustacheLibrary(directory: self.dir)
        } catch let parserError as MustacheLibrary.ParserError {
            XCTAssertEqual(parserError.filename, "error.mustache")
            XCTAssertEqual(parserError.context.line, "{{{name}}")
            XCTAssertEqual(parserError.context.lineNumber, 2)
            XCTAssertEqual(parserError.context.columnNumber, 10)
        }
    }

    #if DEBUG
    func testReload() async throws {
        let fs = FileManager()
        try? fs.createDirectory(atPath: self.dir, withIntermediateDirectories: false)
        defer { XCTAssertNoThrow(try fs.removeItem(atPath: self.dir)) }
        let mustache = Data("<test>{{#value}}<value>{{.}}</value>{{/value}}</test>".utf8)
        try mustache.write(to: URL(fileURLWithPath: self.dir + "/test.mustache"))
        defer { XCTAssertNoThrow(try fs.removeItem(atPath: self.dir + "/test.mustache")) }

        let library = try await MustacheLibrary(directory: self.dir)
        let object = ["value": ["value1", "value2"]]
        XCTAssertEqual(library.render(object, withTemplate: "test"), "<test><value>value1</value><value>value2</value></test>")
        let mustache2 = Data("<test2>{{#value}}<value>{{.}}</value>{{/value}}</test2>".utf8)
        try mustache2.write(to: URL(fileURLWithPath: self.dir + "/test.mustache"))
        XCTAssertEqual(library.render(object, withTemplate: "test", reload: true), "<test2><value>value1</value><value>value2</value></test2>")
    }

    func testReloadPartial() async throws {
        let fs = FileManager()
        try? fs.createDirectory(atPath: self.dir, withIntermediateDirectories: false)
        let mustache = Data("<test>{{#value}}<value>{{.}}</value>{{/value}}</test>".utf8)
        try mustache.write(to: URL(fileURLWithPath: self.dir + "/test-partial.mustache"))
        let mustache2 = Data("{{>test-partial}}".utf8)
        try mustache2.write(to: URL(fileURLWithPath: self.dir + "/test.mustache"))
        defer {
            XCTAssertNoThrow(try fs.removeItem(atPath: self.dir + "/test-partial.mustache"))
            XCTAssertNoThrow(try fs.removeItem(atPath: self.dir + "/test.mustache"))
            XCTAssertNoThrow(try fs.removeItem(atPath: self.dir))
        }

        let library = try await MustacheLibrary(directory: self.dir)
        let object = ["value": ["value1", "value2"]]
        XCTAssertEqual(library.render(object, withTemplate: "test"), "<test><value>value1</value><value>value2</value></test>")
        let mustache3 = Data("<test2>{{#value}}<value>{{.}}</value>{{/value}}</test2>".utf8)
        try mustache3.write(to: URL(fileURLWithPath: self.dir + "/test-partial.mustache"))
        XCTAssertEqual(library.render(object, withTemplate: "test", reload: true), "<test2><value>value1</value><value>value2</value></test2>")
    }
    #endif
}
