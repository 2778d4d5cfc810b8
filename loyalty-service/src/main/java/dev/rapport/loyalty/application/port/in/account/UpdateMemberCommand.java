package dev.rapport.loyalty.application.port.in.account;

import java.time.LocalDate;
import java.util.UUID;

public record UpdateMemberCommand(UUID customerId, String email, String phone, LocalDate birthday) {
}
