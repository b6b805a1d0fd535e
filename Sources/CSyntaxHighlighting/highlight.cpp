// Prepress's shim over KSyntaxHighlighting; see include/prepress_highlight.h.
#include "prepress_highlight.h"

#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>

#include <KF5/KSyntaxHighlighting/KSyntaxHighlighting/abstracthighlighter.h>
#include <KF5/KSyntaxHighlighting/KSyntaxHighlighting/definition.h>
#include <KF5/KSyntaxHighlighting/KSyntaxHighlighting/format.h>
#include <KF5/KSyntaxHighlighting/KSyntaxHighlighting/repository.h>
#include <KF5/KSyntaxHighlighting/KSyntaxHighlighting/state.h>
#include <KF5/KSyntaxHighlighting/KSyntaxHighlighting/theme.h>

#include <QString>
#include <QStringView>

using KSyntaxHighlighting::Definition;
using KSyntaxHighlighting::Format;
using KSyntaxHighlighting::Repository;
using KSyntaxHighlighting::State;
using KSyntaxHighlighting::Theme;

namespace {

char *copy(const std::string &text) {
    char *result = static_cast<char *>(std::malloc(text.size() + 1));
    if (result) std::memcpy(result, text.c_str(), text.size() + 1);
    return result;
}

/// The class the theme colours for a text style; empty for plain text. Operators, brackets and the like stay
/// plain: a span for each would weigh more than it shows.
const char *className(Theme::TextStyle style) {
    switch (style) {
    case Theme::Keyword: case Theme::ControlFlow: return "k";
    case Theme::Function: case Theme::BuiltIn: return "f";
    case Theme::Variable: case Theme::Attribute: return "v";
    case Theme::DataType: return "t";
    case Theme::String: case Theme::VerbatimString: case Theme::SpecialString: case Theme::Char: return "s";
    case Theme::SpecialChar: return "e";
    case Theme::DecVal: case Theme::BaseN: case Theme::Float: case Theme::Constant: return "n";
    case Theme::Comment: case Theme::Documentation: case Theme::CommentVar: return "c";
    case Theme::Preprocessor: case Theme::Import: case Theme::Extension: case Theme::Annotation: return "p";
    default: return "";
    }
}

/// Writes each line's pieces as HTML, joining neighbours of one class into one span.
class HTMLHighlighter : public KSyntaxHighlighting::AbstractHighlighter {
public:
    using AbstractHighlighter::highlightLine;

    std::string out;
    QStringView line;

    /// Highlights one line (without its line break), carrying the state from the line before.
    void write(QStringView text, State &state) {
        line = text;
        written = 0;
        state = highlightLine(text, state);
        piece(text.size(), "");
        flush();
    }

protected:
    void applyFormat(int offset, int length, const Format &format) override {
        piece(offset, "");
        piece(offset + length, format.isValid() ? className(format.textStyle()) : "");
    }

private:
    int written = 0;
    std::string pending;
    const char *pendingClass = "";

    /// Adds the text from where the last piece ended up to `end`, in class `cls`.
    void piece(int end, const char *cls) {
        if (end <= written) return;
        QStringView text = line.mid(written, end - written);
        // Blanks need no colour: no span for them.
        bool blank = true;
        for (QChar c : text) blank = blank && (c == QLatin1Char(' ') || c == QLatin1Char('\t'));
        if (blank) cls = pendingClass;
        if (std::strcmp(cls, pendingClass) != 0) flush();
        pendingClass = cls;
        for (qsizetype index = 0; index < text.size(); index++) {
            char16_t c = text[index].unicode();
            if (c >= 0x80) {
                // The rest of the piece is converted in one go (most code is ASCII), then escaped.
                for (char byte : text.mid(index).toUtf8()) appendEscaped(byte);
                break;
            }
            appendEscaped(static_cast<char>(c));
        }
        written = end;
    }

    void appendEscaped(char byte) {
        switch (byte) {
        case '&': pending += "&amp;"; break;
        case '<': pending += "&lt;"; break;
        case '>': pending += "&gt;"; break;
        case '"': pending += "&quot;"; break;
        default: pending += byte;
        }
    }

    void flush() {
        if (pending.empty()) return;
        if (*pendingClass) {
            out += "<span class=\"";
            out += pendingClass;
            out += "\">";
            out += pending;
            out += "</span>";
        } else {
            out += pending;
        }
        pending.clear();
    }
};

/// One repository per thread: the library's definitions load on first use and are not meant to be shared.
struct ThreadHighlighter {
    Repository repository;
    HTMLHighlighter highlighter;
    /// Definition names found for fence words (empty for none), so that each word is looked up once per thread.
    std::unordered_map<std::string, std::string> names;

    ThreadHighlighter() { highlighter.setTheme(repository.defaultTheme()); }
};

/// The definition a fence word names: by its name in any case (`python`, `SQL`), else as a file extension
/// (`py`, `yml`, `rs`); empty for none.
std::string findLanguage(const Repository &repository, const QString &name) {
    Definition definition;
    for (const Definition &candidate : repository.definitions()) {
        if (candidate.name().compare(name, Qt::CaseInsensitive) == 0) {
            definition = candidate;
            break;
        }
    }
    if (!definition.isValid()) definition = repository.definitionForFileName(QStringLiteral("code.") + name);
    if (!definition.isValid() || definition.name() == QLatin1String("None")) return "";
    return definition.name().toStdString();
}

ThreadHighlighter &threadHighlighter() {
    thread_local ThreadHighlighter perThread;
    return perThread;
}

}  // namespace

extern "C" char *prepress_highlight_language(const char *word) {
    ThreadHighlighter &thread = threadHighlighter();
    auto known = thread.names.find(word);
    if (known == thread.names.end()) {
        known = thread.names.emplace(word, findLanguage(thread.repository, QString::fromUtf8(word))).first;
    }
    return known->second.empty() ? nullptr : copy(known->second);
}

extern "C" char *prepress_highlight(const char *language, const char *code, size_t length, size_t *html_length) {
    ThreadHighlighter &thread = threadHighlighter();
    Definition definition = thread.repository.definitionForName(QString::fromUtf8(language));
    if (!definition.isValid()) return nullptr;
    HTMLHighlighter &highlighter = thread.highlighter;
    highlighter.setDefinition(definition);
    highlighter.out.clear();
    highlighter.out.reserve(length * 2 + 64);
    QString text = QString::fromUtf8(code, static_cast<int>(length));
    State state;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        bool last = end < 0;
        if (last) end = text.size();
        highlighter.write(QStringView(text).mid(start, end - start), state);
        if (last) break;
        highlighter.out += '\n';
        start = end + 1;
    }
    *html_length = highlighter.out.size();
    return copy(highlighter.out);
}
