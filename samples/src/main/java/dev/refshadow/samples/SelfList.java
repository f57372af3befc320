package dev.refshadow.samples;

import dev.refshadow.Gc;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed example: the list that contains itself ({@code lst = []; lst.append(lst); del lst}).
 * A Python list is one object; its Java twin is an {@code Object[]}. An {@code ArrayList} is two
 * (the list and its {@code elementData} array): the {@code java.*} figures show that.
 * Python twin: {@code samples/python/self_list.py}.
 */
public final class SelfList {
    private SelfList() {
    }

    public static void main(String[] args) {
        Figures f = Figures.start(SelfList.class);

        Object[] lst = new Object[1];
        lst[0] = lst;
        f.put("refcount", Gc.getRefCount(lst)); // the variable and its own slot
        lst = null;
        f.put("collected", Gc.collect()); // reference counting alone would leak it

        List<Object> list = new ArrayList<>();
        list.add(list);
        f.put("java.arraylist.refcount", Gc.getRefCount(list)); // the variable and elementData[0]
        list = null;
        f.put("java.arraylist.collected", Gc.collect()); // the ArrayList and its elementData
        f.print();
    }
}
