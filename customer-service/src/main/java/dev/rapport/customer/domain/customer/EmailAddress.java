package dev.rapport.customer.domain.customer;

import java.util.Locale;
import java.util.regex.Pattern;

import dev.rapport.kernel.InvalidValueException;

/**
 * An e-mail address, trimmed and lower-cased so that one mailbox is one customer. Accepts the
 * dot-atom form of RFC 5322 with an ASCII (or punycode) domain; quoted local parts and IP-literal
 * domains are refused, as mail providers refuse them too.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_LENGTH = 64;
    private static final Pattern LOCAL = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

    public EmailAddress {
        if (value == null) {
            throw new InvalidValueException("must not be null");
        }
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            throw new InvalidValueException("must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("must be at most " + MAX_LENGTH + " characters");
        }
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1) {
            throw new InvalidValueException("must be an e-mail address like name@example.com");
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1);
        if (local.length() > MAX_LOCAL_LENGTH || !LOCAL.matcher(local).matches() || !isDomain(domain)) {
            throw new InvalidValueException("must be an e-mail address like name@example.com");
        }
    }

    public static EmailAddress of(String raw) {
        return new EmailAddress(raw);
    }

    private static boolean isDomain(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return TOP_LEVEL.matcher(labels[labels.length - 1]).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
