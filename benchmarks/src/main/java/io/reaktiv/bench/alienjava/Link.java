package io.reaktiv.bench.alienjava;

/**
 * One dependency edge. It sits in two doubly linked lists at once: the dependencies of {@link #sub} (through
 * {@link #prevDep}/{@link #nextDep}) and the subscribers of {@link #dep} (through {@link #prevSub}/{@link #nextSub}).
 */
final class Link {

    /** The {@code cycle} in which {@link #sub} last read {@link #dep}: de-duplicates repeated reads in one run. */
    int version;
    final ReactiveNode dep;
    final ReactiveNode sub;
    Link prevSub;
    Link nextSub;
    Link prevDep;
    Link nextDep;

    Link(int version, ReactiveNode dep, ReactiveNode sub, Link prevDep, Link nextDep, Link prevSub, Link nextSub) {
        this.version = version;
        this.dep = dep;
        this.sub = sub;
        this.prevDep = prevDep;
        this.nextDep = nextDep;
        this.prevSub = prevSub;
        this.nextSub = nextSub;
    }
}
