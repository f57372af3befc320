package dev.refshadow.samples;

import dev.refshadow.Gc;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small word count written without cycles: lists, a HashMap used through get/put only (no
 * views), arrays, a sort with a Comparator. Reference counting alone frees all of it: the
 * collection finds nothing.
 */
public final class AcyclicApp {
    static final String TEXT = """
            the quick brown fox jumps over the lazy dog
            the dog sleeps and the fox runs
            a fox is quick and a dog is lazy
            """;

    record Count(String word, int n) {
    }

    static final class ByCountThenWord implements Comparator<Count> {
        @Override
        public int compare(Count a, Count b) {
            return a.n() != b.n() ? Integer.compare(b.n(), a.n()) : a.word().compareTo(b.word());
        }
    }

    private AcyclicApp() {
    }

    public static void main(String[] args) {
        Figures f = Figures.start(AcyclicApp.class);

        List<Count> top = topWords(TEXT, 3);
        f.put("words.distinct", distinct(TEXT));
        f.put("top.1.count", top.get(0).n()); // "the"
        f.put("top.2.count", top.get(1).n()); // "dog" (3, before "fox" by name)
        f.put("top.3.count", top.get(2).n()); // "fox"
        top = null;
        f.put("collected", Gc.collect()); // nothing: every count reached 0
        f.print();
    }

    static List<Count> topWords(String text, int limit) {
        Map<String, Integer> counts = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (String line : text.split("\n")) {
            for (String word : line.split(" ")) {
                Integer seen = counts.get(word);
                if (seen == null) {
                    order.add(word);
                }
                counts.put(word, seen == null ? 1 : seen + 1);
            }
        }
        List<Count> all = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            all.add(new Count(order.get(i), counts.get(order.get(i))));
        }
        all.sort(new ByCountThenWord());
        return new ArrayList<>(all.subList(0, limit));
    }

    static long distinct(String text) {
        Map<String, Integer> seen = new HashMap<>();
        for (String word : text.replace('\n', ' ').split(" ")) {
            if (!word.isEmpty()) {
                seen.put(word, 1);
            }
        }
        return seen.size();
    }
}
