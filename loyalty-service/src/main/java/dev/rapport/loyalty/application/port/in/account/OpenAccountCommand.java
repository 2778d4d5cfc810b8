package dev.rapport.loyalty.application.port.in.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A customer registered: open the account, keep the contact data the program needs, follow a referral code. */
public record OpenAccountCommand(UUID customerId, String email, String phone, LocalDate birthday, String referralCode,
                                 Instant registeredAt) {
}
