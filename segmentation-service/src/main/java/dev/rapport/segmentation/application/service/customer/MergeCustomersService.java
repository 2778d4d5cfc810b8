package dev.rapport.segmentation.application.service.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.segmentation.application.port.in.customer.MergeCustomersCommand;
import dev.rapport.segmentation.application.port.in.customer.MergeCustomersUseCase;
import dev.rapport.segmentation.application.port.out.customer.CustomerFactsRepository;
import dev.rapport.segmentation.application.port.out.lifecycle.SignalRepository;
import dev.rapport.segmentation.application.service.score.CustomerRescorer;

/**
 * The duplicate's purchases and returns move to the survivor; the duplicate leaves the population and the
 * survivor is re-scored from the union (a purchase id is still counted once). Later events naming the
 * duplicate are applied to the survivor.
 */
@ApplicationScoped
public class MergeCustomersService implements MergeCustomersUseCase {

    private final CustomerFactsRepository customers;
    private final CustomerRescorer rescorer;
    private final SignalRepository signals;

    public MergeCustomersService(CustomerFactsRepository customers, CustomerRescorer rescorer,
            SignalRepository signals) {
        this.signals = signals;
        this.customers = customers;
        this.rescorer = rescorer;
    }

    @Override
    @Transactional
    public void merge(MergeCustomersCommand command) {
        var run = rescorer.lockCurrentRun();
        var survivor = customers.resolve(command.survivorId());
        if (survivor.equals(command.duplicateId())) {
            return;
        }
        customers.touch(survivor);
        customers.touch(command.duplicateId());
        customers.merge(survivor, command.duplicateId());
        signals.merge(survivor, command.duplicateId());
        run = rescorer.rescore(run, command.duplicateId(), false);
        rescorer.rescore(run, survivor, true);
    }
}
