package dev.rapport.customer.adapter.out.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class ReadAheadTest {

    @Test
    void deliversEveryItemInSourceOrderThenNullRepeatedly() throws InterruptedException {
        Iterator<String> items = List.of("a", "b", "c").iterator();
        try (ReadAhead<String> prefetcher = new ReadAhead<>("test-reader", 1, () -> items.hasNext() ? items.next() : null)) {
            assertEquals("a", prefetcher.next());
            assertEquals("b", prefetcher.next());
            assertEquals("c", prefetcher.next());
            assertNull(prefetcher.next());
            assertNull(prefetcher.next());
        }
    }

    @Test
    void theSourcesFailureReachesTheConsumerAfterTheItemsBeforeIt() throws InterruptedException {
        IllegalStateException broken = new IllegalStateException("unreadable spool");
        AtomicInteger calls = new AtomicInteger();
        Supplier<String> source = () -> {
            if (calls.incrementAndGet() == 2) {
                throw broken;
            }
            return "first";
        };
        try (ReadAhead<String> prefetcher = new ReadAhead<>("test-reader", 1, source)) {
            assertEquals("first", prefetcher.next());
            assertSame(broken, assertThrows(IllegalStateException.class, prefetcher::next));
            assertSame(broken, assertThrows(IllegalStateException.class, prefetcher::next));
        }
        assertEquals(2, calls.get(), "the source is not read after it failed");
    }

    @Test
    void readsAtMostOneItemBeyondTheQueueAheadOfTheConsumer() throws InterruptedException {
        AtomicInteger produced = new AtomicInteger();
        CountDownLatch blockedOnHandOver = new CountDownLatch(3); // 1 taken + 1 queued + 1 waiting to be queued
        Supplier<Integer> endless = () -> {
            int item = produced.incrementAndGet();
            blockedOnHandOver.countDown();
            return item;
        };
        try (ReadAhead<Integer> prefetcher = new ReadAhead<>("test-reader", 1, endless)) {
            assertEquals(1, prefetcher.next());
            blockedOnHandOver.await();
            // The third item is waiting for room in the queue: nothing more is read meanwhile.
            assertEquals(3, produced.get());
        }
    }

    @Test
    void closingStopsTheReaderEvenWhileItWaitsToHandOverAndKeepsTheCallersInterrupt() throws InterruptedException {
        AtomicReference<Thread> reader = new AtomicReference<>();
        CountDownLatch twoRead = new CountDownLatch(2);
        ReadAhead<String> prefetcher = new ReadAhead<>("test-reader", 1, () -> {
            reader.set(Thread.currentThread());
            twoRead.countDown();
            return "chunk";
        });
        twoRead.await(); // one queued, the second blocked handing over: as when the writer fails
        Thread.currentThread().interrupt();
        prefetcher.close();
        assertTrue(Thread.interrupted(), "close() keeps the caller's interrupt status");
        assertFalse(reader.get().isAlive(), "close() returns only after the reader thread ended");
    }
}
