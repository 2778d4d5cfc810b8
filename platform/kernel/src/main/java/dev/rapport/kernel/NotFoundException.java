package dev.rapport.kernel;

/**
 * The thing a request names does not exist (or is not visible to the caller). {@code what} is the
 * kind of thing in words a client understands ("Loyalty account"), used as the problem's title.
 */
public class NotFoundException extends DomainException {

    private final String what;

    public NotFoundException(String what, String detail) {
        super(detail);
        this.what = what;
    }

    public String what() {
        return what;
    }
}
