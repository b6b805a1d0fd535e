// Nothing for Swift here: this module exists so that SwiftPM passes pkg-config's Qt5Gui flags to
// CSyntaxHighlighting, which includes Qt's headers.
