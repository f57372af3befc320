"""Seed example: two dicts that refer to each other, found under DEBUG_SAVEALL. Twin of TwoMaps.java.

A dict is one object here; the Java twin's HashMap is three (its "java.collected" figure).
Lines starting with "python." are CPython-only.
"""
import gc
import sys


def main():
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    figures = []

    object_1 = {}
    object_2 = {}
    object_1["obj2"] = object_2
    object_2["obj1"] = object_1
    figures.append(("refcount", sys.getrefcount(object_1) - 1))
    del object_1, object_2
    figures.append(("python.collected", gc.collect()))
    figures.append(("garbage.maps", sum(1 for o in gc.garbage if isinstance(o, dict))))

    for name, value in figures:
        print(f"{name}={value}")


if __name__ == "__main__":
    main()
