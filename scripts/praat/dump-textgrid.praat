# Prints a TextGrid's tiers as Praat sees them, one line per interval or
# point, tab-separated; backslash, tab and newline in labels are escaped so
# a line is one record. With layout "text" or "short", also saves the
# TextGrid as Praat itself writes it to `out`.
form Dump a TextGrid
    sentence path
    sentence layout none
    sentence out
endform
tg = Read from file: path$
nt = Get number of tiers
writeInfoLine: "tiers", tab$, nt
for t to nt
    name$ = Get tier name: t
    isInterval = Is interval tier: t
    if isInterval
        n = Get number of intervals: t
        appendInfoLine: "tier", tab$, name$, tab$, "IntervalTier", tab$, n
        for i to n
            tmin = Get start time of interval: t, i
            tmax = Get end time of interval: t, i
            label$ = Get label of interval: t, i
            @escape: label$
            appendInfoLine: "interval", tab$, fixed$(tmin, 6), tab$, fixed$(tmax, 6), tab$, escape.result$
        endfor
    else
        n = Get number of points: t
        appendInfoLine: "tier", tab$, name$, tab$, "TextTier", tab$, n
        for i to n
            time = Get time of point: t, i
            label$ = Get label of point: t, i
            @escape: label$
            appendInfoLine: "point", tab$, fixed$(time, 6), tab$, escape.result$
        endfor
    endif
endfor
if layout$ = "text"
    Save as text file: out$
elsif layout$ = "short"
    Save as short text file: out$
endif

procedure escape: .s$
    .s$ = replace$(.s$, "\", "\\", 0)
    .s$ = replace$(.s$, tab$, "\t", 0)
    .result$ = replace$(.s$, newline$, "\n", 0)
endproc
