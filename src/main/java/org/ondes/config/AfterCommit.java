package org.ondes.config;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

/**
 * Runs an action once what the current thread is changing is visible to others: after the surrounding transaction
 * commits (not at all if it rolls back), or at once when there is no transaction. Events about committed changes and
 * wake-ups of workers that read them go through here.
 */
@Singleton
public class AfterCommit {
    private final TransactionOperations<?> transactions;

    AfterCommit(TransactionOperations<?> transactions) {
        this.transactions = transactions;
    }

    public void run(Runnable action) {
        transactions.findTransactionStatus().ifPresentOrElse(
                status -> status.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        action.run();
                    }
                }),
                action);
    }
}
