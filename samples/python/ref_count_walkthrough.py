"""Seed example: a reference count rising and falling. Twin of RefCountWalkthrough.java.

Each figure is sys.getrefcount(...) - 1: the Java Gc.getRefCount does not count its own argument.
"""
import gc
import sys


class MyObject:
    __slots__ = ("data",)


def count_inside(obj):
    return sys.getrefcount(obj) - 1


def main():
    gc.collect()
    gc.disable()
    figures = []

    a = MyObject()
    figures.append(("created", sys.getrefcount(a) - 1))
    b = [a]
    c = {"key": a}
    figures.append(("in.list.and.map", sys.getrefcount(a) - 1))
    del b
    figures.append(("list.dropped", sys.getrefcount(a) - 1))
    del c
    figures.append(("map.dropped", sys.getrefcount(a) - 1))

    x = y = z = a
    figures.append(("three.more.names", sys.getrefcount(a) - 1))
    del x, y, z
    figures.append(("names.dropped", sys.getrefcount(a) - 1))

    figures.append(("inside.a.call", count_inside(a)))
    figures.append(("after.the.call", sys.getrefcount(a) - 1))
    del a
    figures.append(("collected", gc.collect()))

    for name, value in figures:
        print(f"{name}={value}")


if __name__ == "__main__":
    main()
