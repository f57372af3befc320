package dev.refshadow.samples;

import dev.refshadow.Gc;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ParentChildTree} fixed: a node holds its parent in a WeakReference, the back-pointer
 * that the report suggests making weak. Dropping the root frees the whole tree by reference
 * counting.
 */
public final class ParentChildTreeFixed {
    static final class TreeNode {
        WeakReference<TreeNode> parent;
        final List<TreeNode> children = new ArrayList<>();

        TreeNode add(TreeNode child) {
            child.parent = new WeakReference<>(this);
            children.add(child);
            return child;
        }
    }

    private ParentChildTreeFixed() {
    }

    public static void main(String[] args) {
        Figures f = Figures.start(ParentChildTreeFixed.class);

        TreeNode root = new TreeNode();
        root.add(new TreeNode());
        root.add(new TreeNode());
        f.put("refcount.root", Gc.getRefCount(root)); // the variable only
        root = null;
        f.put("collected", Gc.collect()); // nothing
        f.print();
    }
}
