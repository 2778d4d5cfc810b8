package dev.rapport.loyalty.application.port.in.account;

public interface UpdateMemberUseCase {

    void update(UpdateMemberCommand command);
}
