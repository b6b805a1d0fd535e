// A C interface to KDE's KSyntaxHighlighting (Debian's libkf5syntaxhighlighting-dev, C++ on Qt 5) for Prepress:
// code in, HTML out, every token its definition styles wrapped in `<span class="…">`. Written by the Prepress team.
#ifndef PREPRESS_HIGHLIGHT_H
#define PREPRESS_HIGHLIGHT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The name of the syntax definition a fence's language word names (`py`, `Python`, `yml`, `shell`), as the
/// library calls it (`Python`, `YAML`, `Bash`), or NULL when none does; the caller frees it.
char *prepress_highlight_language(const char *word);

/// Highlights `length` bytes of UTF-8 `code` with the definition named `language`. Returns the HTML (text escaped
/// for `& < > "`, tokens in spans, lines as they were) and its length in `html_length`, or NULL; the caller frees
/// it. Safe on several threads at once: each thread has its own repository of definitions.
char *prepress_highlight(const char *language, const char *code, size_t length, size_t *html_length);

#ifdef __cplusplus
}
#endif

#endif
