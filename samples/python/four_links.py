"""Seed example from the talk "Python Memory Understanding" (Conf42 Python 2021). Twin of FourLinks.java.

link1 -> link2 -> link3 -> link1 reachable from a, and link4 holding itself: the first
collection finds link4, the next one (after del a) the other three.
"""
import gc
import sys


class Link:
    __slots__ = ("next",)

    def __init__(self):
        self.next = None


def main():
    gc.collect()
    gc.disable()
    figures = []

    link1, link2, link3, link4 = Link(), Link(), Link(), Link()
    link1.next = link2
    link2.next = link3
    link3.next = link1
    link4.next = link4
    a = link1
    del link1, link2, link3, link4
    figures.append(("refcount.link1", sys.getrefcount(a) - 1))
    figures.append(("refcount.link2", sys.getrefcount(a.next) - 1))
    figures.append(("refcount.link3", sys.getrefcount(a.next.next) - 1))
    figures.append(("collected.first", gc.collect()))
    del a
    figures.append(("collected.second", gc.collect()))

    for name, value in figures:
        print(f"{name}={value}")


if __name__ == "__main__":
    main()
