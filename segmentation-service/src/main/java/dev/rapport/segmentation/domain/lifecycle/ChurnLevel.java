package dev.rapport.segmentation.domain.lifecycle;

public enum ChurnLevel {
    LOW, MEDIUM, HIGH
}
