package io.tvarr.expression;

/** Case-insensitive text tests that allocate nothing (no lower-casing copies). */
final class Texts {
    private Texts() {}

    static boolean contains(String haystack, String needle, boolean caseSensitive) {
        if (caseSensitive) {
            return haystack.contains(needle);
        }
        if (needle.isEmpty()) {
            return true;
        }
        // Cheap first-character test before the full case-insensitive region compare.
        char lower = Character.toLowerCase(needle.charAt(0));
        char upper = Character.toUpperCase(needle.charAt(0));
        int last = haystack.length() - needle.length();
        for (int i = 0; i <= last; i++) {
            char c = haystack.charAt(i);
            if ((c == lower || c == upper) && haystack.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }

    static boolean startsWith(String text, String prefix, boolean caseSensitive) {
        return text.regionMatches(!caseSensitive, 0, prefix, 0, prefix.length());
    }

    static boolean endsWith(String text, String suffix, boolean caseSensitive) {
        int offset = text.length() - suffix.length();
        return offset >= 0 && text.regionMatches(!caseSensitive, offset, suffix, 0, suffix.length());
    }

    static boolean equals(String a, String b, boolean caseSensitive) {
        return caseSensitive ? a.equals(b) : a.equalsIgnoreCase(b);
    }
}
