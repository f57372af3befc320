package dev.refshadow.samples;

import dev.refshadow.Gc;
import java.util.ArrayList;
import java.util.List;

/**
 * A tree whose nodes point at their parent: every child is in a cycle with its parent. Dropping
 * the root leaves the whole tree (nodes and their children lists) cyclic. {@link
 * ParentChildTreeFixed} keeps the parent in a WeakReference.
 */
public final class ParentChildTree {
    static final class TreeNode {
        TreeNode parent;
        final List<TreeNode> children = new ArrayList<>();

        TreeNode add(TreeNode child) {
            child.parent = this;
            children.add(child);
            return child;
        }
    }

    private ParentChildTree() {
    }

    public static void main(String[] args) {
        Figures f = Figures.start(ParentChildTree.class);

        TreeNode root = new TreeNode();
        root.add(new TreeNode());
        root.add(new TreeNode());
        f.put("refcount.root", Gc.getRefCount(root)); // the variable and two children's parent
        root = null;
        // root, its children list and array, two children and their (empty) children lists
        f.put("collected", Gc.collect());
        f.print();
    }
}
