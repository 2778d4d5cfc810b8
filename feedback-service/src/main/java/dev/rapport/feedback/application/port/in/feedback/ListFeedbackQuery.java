package dev.rapport.feedback.application.port.in.feedback;

import dev.rapport.feedback.domain.feedback.FeedbackFilter;
import dev.rapport.kernel.paging.PageRequest;

public record ListFeedbackQuery(FeedbackFilter filter, PageRequest page) {
}
