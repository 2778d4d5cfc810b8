package dev.rapport.loyalty.application.port.in.account;

import java.util.List;

public interface ReversePointsUseCase {

    void reverse(ReversePointsCommand command);

    /** The returns in order, in one transaction, each as {@link #reverse} takes it back. */
    void reverseAll(List<ReversePointsCommand> commands);
}
