package dev.rapport.feedback.application.port.in.agent;

import java.util.List;
import java.util.UUID;

/** Raw input of an agent; {@code id} null for a new one. {@code available} defaults to true. */
public record SaveAgentCommand(UUID id, String name, String team, List<String> categories, Boolean available,
                               Integer maxOpen) {
}
