package dev.rapport.customer.domain.importing;

import dev.rapport.kernel.DomainException;

public class ImportNotFoundException extends DomainException {

    public ImportNotFoundException(String id) {
        super("No import with id " + id);
    }
}
