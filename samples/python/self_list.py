"""Seed example: the list that contains itself. Twin of SelfList.java (an Object[] there).

Prints the same name=value figures as the Java sample (lines starting with "java." are
JVM-only); samples/expected/SelfList.txt holds them.
"""
import gc
import sys


def main():
    gc.collect()
    gc.disable()
    figures = []

    lst = []
    lst.append(lst)
    figures.append(("refcount", sys.getrefcount(lst) - 1))
    del lst
    figures.append(("collected", gc.collect()))

    for name, value in figures:
        print(f"{name}={value}")


if __name__ == "__main__":
    main()
