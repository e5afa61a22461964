// Plain-C-typed wrappers over the few ICU functions solieu uses.
//
// ICU renames its entry points by version (ubrk_open -> ubrk_open_72) with macros that Swift
// cannot see; these static inline wrappers are compiled by clang with the renaming in force, so
// Swift calls cicu_* and never names a versioned symbol. Handles are void*, text is uint16_t
// (UTF-16), status codes are int32_t: no ICU type crosses into Swift, which keeps the module
// clear of the ICU 76 headers that Foundation carries on Linux.
#ifndef SOLIEU_CICU_SHIM_H
#define SOLIEU_CICU_SHIM_H

#include <stdint.h>
#include <unicode/utypes.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/unum.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

static inline int cicu_failure(int32_t status) { return U_FAILURE((UErrorCode)status) ? 1 : 0; }

static inline const char *cicu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

// MARK: break iterators (kind: 1 = word, 3 = sentence, as UBreakIteratorType)

static inline void *cicu_brk_open(int32_t kind, const char *locale, const uint16_t *text,
                                  int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_open((UBreakIteratorType)kind, locale, (const UChar *)text, length, &err);
    *status = (int32_t)err;
    return (void *)it;
}

static inline void cicu_brk_set_text(void *it, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    ubrk_setText((UBreakIterator *)it, (const UChar *)text, length, &err);
    *status = (int32_t)err;
}

static inline int32_t cicu_brk_first(void *it) { return ubrk_first((UBreakIterator *)it); }
static inline int32_t cicu_brk_next(void *it) { return ubrk_next((UBreakIterator *)it); }
static inline int32_t cicu_brk_rule_status(void *it) { return ubrk_getRuleStatus((UBreakIterator *)it); }
static inline void cicu_brk_close(void *it) { ubrk_close((UBreakIterator *)it); }

// MARK: normalization (NFC, NFD)

static inline const void *cicu_norm_nfc(int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n = unorm2_getNFCInstance(&err);
    *status = (int32_t)err;
    return (const void *)n;
}

static inline const void *cicu_norm_nfd(int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n = unorm2_getNFDInstance(&err);
    *status = (int32_t)err;
    return (const void *)n;
}

static inline int32_t cicu_norm_normalize(const void *n, const uint16_t *src, int32_t length,
                                          uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t r = unorm2_normalize((const UNormalizer2 *)n, (const UChar *)src, length,
                                 (UChar *)dest, capacity, &err);
    *status = (int32_t)err;
    return r;
}

/// Length of the prefix of src that is already normalized (quick check "yes").
static inline int32_t cicu_norm_span(const void *n, const uint16_t *src, int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t r = unorm2_spanQuickCheckYes((const UNormalizer2 *)n, (const UChar *)src, length, &err);
    *status = (int32_t)err;
    return r;
}

static inline int cicu_norm_has_boundary_before(const void *n, int32_t c) {
    return unorm2_hasBoundaryBefore((const UNormalizer2 *)n, (UChar32)c) ? 1 : 0;
}

// MARK: number parsing (style: 1 = decimal, 5 = spellout, as UNumberFormatStyle)

static inline void *cicu_num_open(int32_t style, const char *locale, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UNumberFormat *f = unum_open((UNumberFormatStyle)style, NULL, 0, locale, NULL, &err);
    *status = (int32_t)err;
    return (void *)f;
}

static inline void cicu_num_set_lenient(void *f, int on) {
    unum_setAttribute((UNumberFormat *)f, UNUM_LENIENT_PARSE, on);
}

/// Parses text as a decimal; writes the digits ("1234.56") into out and the parse end into *position.
static inline int32_t cicu_num_parse_decimal(void *f, const uint16_t *text, int32_t length,
                                             int32_t *position, char *out, int32_t capacity,
                                             int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t r = unum_parseDecimal((const UNumberFormat *)f, (const UChar *)text, length, position,
                                  out, capacity, &err);
    *status = (int32_t)err;
    return r;
}

static inline void cicu_num_close(void *f) { unum_close((UNumberFormat *)f); }

// MARK: charset converters (legacy code pages <-> UTF-16)

/// Opens a converter for `name` (`windows-1258`, `UTF-16BE`, ...) that stops at the first byte
/// sequence or character it cannot convert instead of substituting.
static inline void *cicu_cnv_open(const char *name, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UConverter *c = ucnv_open(name, &err);
    if (U_SUCCESS(err)) {
        ucnv_setToUCallBack(c, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
    }
    if (U_SUCCESS(err)) {
        ucnv_setFromUCallBack(c, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
    }
    if (U_FAILURE(err) && c != NULL) { ucnv_close(c); c = NULL; }
    *status = (int32_t)err;
    return (void *)c;
}

static inline void cicu_cnv_close(void *c) { ucnv_close((UConverter *)c); }

/// Converts all of `src` to UTF-16 in one call (flush on). Writes the units produced into
/// *written and the number of source bytes consumed into *consumed; on an illegal or unmappable
/// sequence, *invalid is the length of that sequence (it ends at *consumed).
static inline void cicu_cnv_to_unicode(void *c, const char *src, int32_t length, uint16_t *dest,
                                       int32_t capacity, int32_t *written, int32_t *consumed,
                                       int32_t *invalid, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const char *source = src;
    UChar *target = (UChar *)dest;
    ucnv_reset((UConverter *)c);
    ucnv_toUnicode((UConverter *)c, &target, (UChar *)dest + capacity, &source, src + length, NULL, 1, &err);
    *written = (int32_t)(target - (UChar *)dest);
    *consumed = (int32_t)(source - src);
    *invalid = 0;
    if (U_FAILURE(err) && err != U_BUFFER_OVERFLOW_ERROR) {
        char bad[32];
        int8_t n = (int8_t)sizeof(bad);
        UErrorCode e2 = U_ZERO_ERROR;
        ucnv_getInvalidChars((UConverter *)c, bad, &n, &e2);
        *invalid = U_SUCCESS(e2) ? (int32_t)n : 0;
    }
    *status = (int32_t)err;
}

/// Converts all of the UTF-16 `src` to the converter's charset (flush on); counts as above,
/// *consumed in UTF-16 units.
static inline void cicu_cnv_from_unicode(void *c, const uint16_t *src, int32_t length, char *dest,
                                         int32_t capacity, int32_t *written, int32_t *consumed,
                                         int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const UChar *source = (const UChar *)src;
    char *target = dest;
    ucnv_reset((UConverter *)c);
    ucnv_fromUnicode((UConverter *)c, &target, dest + capacity, &source, (const UChar *)src + length, NULL, 1, &err);
    *written = (int32_t)(target - dest);
    *consumed = (int32_t)(source - (const UChar *)src);
    *status = (int32_t)err;
}

#endif
