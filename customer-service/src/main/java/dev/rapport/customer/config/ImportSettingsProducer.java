package dev.rapport.customer.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.rapport.customer.application.service.importing.ImportSettings;

/** Hands the import limits to the core, which must not read configuration itself. */
public class ImportSettingsProducer {

    @Produces
    @Singleton
    ImportSettings importSettings(ImportConfig config) {
        return new ImportSettings(config.maxBytes(), config.chunkSize());
    }
}
