package dev.rapport.customer.application.port.in.privacy;

import java.util.UUID;

public interface ExportCustomerDataUseCase {

    /**
     * @throws dev.rapport.customer.domain.customer.CustomerNotFoundException unknown customer
     * @throws dev.rapport.customer.domain.customer.CustomerErasedException   erased: nothing personal is left
     */
    PersonalDataExport export(UUID customerId);
}
