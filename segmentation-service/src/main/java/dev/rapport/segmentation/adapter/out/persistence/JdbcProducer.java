package dev.rapport.segmentation.adapter.out.persistence;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** One {@link Jdbc} over the default datasource. */
public class JdbcProducer {

    @Produces
    @Singleton
    Jdbc jdbc(DataSource dataSource, TransactionSynchronizationRegistry transactions) {
        return new Jdbc(dataSource, transactions);
    }
}
