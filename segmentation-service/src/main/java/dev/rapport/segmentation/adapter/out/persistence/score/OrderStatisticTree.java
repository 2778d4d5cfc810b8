package dev.rapport.segmentation.adapter.out.persistence.score;

import java.util.SplittableRandom;

/**
 * A multiset of long keys answering "how many below / above k" and "sum of the keys above k" in O(log d),
 * d = distinct keys: a treap with one node per distinct key, each node holding its multiplicity and the count
 * and key sum of its subtree. Not thread-safe.
 */
final class OrderStatisticTree {

    private static final class Node {
        final long key;
        final int priority;
        long count;
        long subtreeCount;
        long subtreeSum;
        Node left;
        Node right;

        Node(long key, int priority) {
            this.key = key;
            this.priority = priority;
        }
    }

    private final SplittableRandom random = new SplittableRandom(0x5eed);
    private Node root;

    /** Adds {@code delta} (may be negative) occurrences of {@code key}; a key's count never goes below 0. */
    void add(long key, long delta) {
        if (delta != 0) {
            root = add(root, key, delta);
        }
    }

    long size() {
        return count(root);
    }

    long sum() {
        return sum(root);
    }

    long countLess(long key) {
        long result = 0;
        Node node = root;
        while (node != null) {
            if (key <= node.key) {
                node = node.left;
            } else {
                result += count(node.left) + node.count;
                node = node.right;
            }
        }
        return result;
    }

    long countGreater(long key) {
        long result = 0;
        Node node = root;
        while (node != null) {
            if (key >= node.key) {
                node = node.right;
            } else {
                result += count(node.right) + node.count;
                node = node.left;
            }
        }
        return result;
    }

    long sumGreater(long key) {
        long result = 0;
        Node node = root;
        while (node != null) {
            if (key >= node.key) {
                node = node.right;
            } else {
                result += sum(node.right) + node.count * node.key;
                node = node.left;
            }
        }
        return result;
    }

    private Node add(Node node, long key, long delta) {
        if (node == null) {
            if (delta < 0) {
                throw new IllegalStateException("no occurrence of " + key + " to remove");
            }
            Node created = new Node(key, random.nextInt());
            created.count = delta;
            update(created);
            return created;
        }
        if (key < node.key) {
            node.left = add(node.left, key, delta);
            if (node.left != null && node.left.priority > node.priority) {
                node = rotateRight(node);
            }
        } else if (key > node.key) {
            node.right = add(node.right, key, delta);
            if (node.right != null && node.right.priority > node.priority) {
                node = rotateLeft(node);
            }
        } else {
            node.count += delta;
            if (node.count < 0) {
                throw new IllegalStateException("no occurrence of " + key + " to remove");
            }
            if (node.count == 0) {
                return merge(node.left, node.right);
            }
        }
        update(node);
        return node;
    }

    /** Joins two treaps whose keys are all smaller on the left. */
    private static Node merge(Node left, Node right) {
        if (left == null) {
            return right;
        }
        if (right == null) {
            return left;
        }
        if (left.priority > right.priority) {
            left.right = merge(left.right, right);
            update(left);
            return left;
        }
        right.left = merge(left, right.left);
        update(right);
        return right;
    }

    private static Node rotateRight(Node node) {
        Node pivot = node.left;
        node.left = pivot.right;
        pivot.right = node;
        update(node);
        update(pivot);
        return pivot;
    }

    private static Node rotateLeft(Node node) {
        Node pivot = node.right;
        node.right = pivot.left;
        pivot.left = node;
        update(node);
        update(pivot);
        return pivot;
    }

    private static void update(Node node) {
        node.subtreeCount = count(node.left) + node.count + count(node.right);
        node.subtreeSum = sum(node.left) + node.count * node.key + sum(node.right);
    }

    private static long count(Node node) {
        return node == null ? 0 : node.subtreeCount;
    }

    private static long sum(Node node) {
        return node == null ? 0 : node.subtreeSum;
    }
}
