"""Seed example: an object holding itself, and the collector's thresholds. Twin of SelfReference.java."""
import gc
import sys


class MyClass:
    __slots__ = ("obj",)


def main():
    gc.collect()
    gc.disable()
    figures = []
    t0, t1, t2 = gc.get_threshold()
    figures += [("threshold.0", t0), ("threshold.1", t1), ("threshold.2", t2)]

    a = MyClass()
    a.obj = a
    figures.append(("refcount", sys.getrefcount(a) - 1))
    del a
    figures.append(("collected", gc.collect()))

    gc.set_threshold(1000, 15, 15)
    t0, t1, t2 = gc.get_threshold()
    figures += [("threshold.changed.0", t0), ("threshold.changed.1", t1), ("threshold.changed.2", t2)]

    for name, value in figures:
        print(f"{name}={value}")


if __name__ == "__main__":
    main()
