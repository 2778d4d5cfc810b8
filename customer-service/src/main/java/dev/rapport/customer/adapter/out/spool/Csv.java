package dev.rapport.customer.adapter.out.spool;

import java.util.ArrayList;
import java.util.List;

/** Splits one RFC 4180 record: fields separated by commas, optionally in double quotes ("" is a quote). */
final class Csv {

    private Csv() {
    }

    /** Null when quotes are unbalanced or text follows a closing quote. */
    static List<String> split(String record) {
        List<String> fields = new ArrayList<>(8);
        StringBuilder field = null;
        int i = 0;
        int n = record.length();
        while (true) {
            if (i < n && record.charAt(i) == '"') {
                if (field == null) {
                    field = new StringBuilder();
                }
                i++;
                while (true) {
                    if (i >= n) {
                        return null;
                    }
                    char c = record.charAt(i++);
                    if (c == '"') {
                        if (i < n && record.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < n && record.charAt(i) != ',') {
                    return null;
                }
                fields.add(field.toString());
                field.setLength(0);
            } else {
                // Unquoted (most fields): one substring, no copying char by char.
                int end = i;
                while (end < n) {
                    char c = record.charAt(end);
                    if (c == ',') {
                        break;
                    }
                    if (c == '"') {
                        return null;
                    }
                    end++;
                }
                fields.add(record.substring(i, end));
                i = end;
            }
            if (i >= n) {
                return fields;
            }
            i++; // the comma
        }
    }
}
