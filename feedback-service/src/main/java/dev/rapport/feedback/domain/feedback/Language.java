package dev.rapport.feedback.domain.feedback;

/** Language of a text, told apart by script: Han characters are Chinese, Latin letters English. */
public enum Language {
    ZH, EN, OTHER;

    /**
     * The dominant script of {@code text}. A Han character carries about as much as a short word, so
     * it counts three Latin letters; a text with neither (emoji, digits, Cyrillic...) is OTHER.
     */
    public static Language detect(String text) {
        int han = 0;
        int latin = 0;
        int other = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.HAN) {
                han++;
            } else if (script == Character.UnicodeScript.LATIN) {
                latin++;
            } else {
                other++;
            }
        }
        if (han == 0 && latin == 0) {
            return OTHER;
        }
        if (han * 3 >= latin) {
            return han * 3 >= other ? ZH : OTHER;
        }
        return latin >= other ? EN : OTHER;
    }
}
