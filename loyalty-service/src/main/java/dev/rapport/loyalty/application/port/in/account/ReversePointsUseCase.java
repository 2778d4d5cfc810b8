package dev.rapport.loyalty.application.port.in.account;

public interface ReversePointsUseCase {

    void reverse(ReversePointsCommand command);
}
