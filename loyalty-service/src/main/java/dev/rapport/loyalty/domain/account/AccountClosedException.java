package dev.rapport.loyalty.domain.account;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.rapport.kernel.ConflictException;

/** The account was erased or merged into another one: it takes no more changes (409). */
public class AccountClosedException extends ConflictException {

    public AccountClosedException(LoyaltyAccount account) {
        super("account-closed", "Loyalty account closed", "the loyalty account of " + account.customerId() + " is "
                + account.status().name().toLowerCase() + " and takes no more changes", facts(account));
    }

    private static Map<String, Object> facts(LoyaltyAccount account) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("accountStatus", account.status().name().toLowerCase());
        UUID survivor = account.mergedInto();
        if (survivor != null) {
            facts.put("mergedInto", survivor.toString());
        }
        return facts;
    }
}
