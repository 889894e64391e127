package cmds

import (
	"fmt"
	"regexp"
	"sync"
	"testing"
)

func newReCache() *reCache {
	return &reCache{res: make(map[reKey]*regexp.Regexp)}
}

// Each mode compiles as its regexp function does, and a second request
// for the same source and mode gets the same expression.
func TestRegexpCacheModes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		src  string
		mode reMode
		in   string
		want string // leftmost-first or leftmost-longest match of src in in
	}{
		{"a|ab", rePerl, "ab", "a"},
		{"a|ab", reLongest, "ab", "ab"},
		{"a|ab", rePOSIX, "ab", "ab"},
		{"(?m)^x", rePerl, "y\nx", "x"},
	}
	c := newReCache()
	for _, tt := range tests {
		re, err := c.get(reKey{tt.src, tt.mode})
		if err != nil {
			t.Fatalf("get(%q, %d) = %v", tt.src, tt.mode, err)
		}
		if got := re.FindString(tt.in); got != tt.want {
			t.Errorf("get(%q, %d).FindString(%q) = %q; want %q", tt.src, tt.mode, tt.in, got, tt.want)
		}
		again, _ := c.get(reKey{tt.src, tt.mode})
		if again != re {
			t.Errorf("get(%q, %d) twice = two expressions; want the same one", tt.src, tt.mode)
		}
	}
	if _, err := c.get(reKey{`(?m)^x`, rePOSIX}); err == nil {
		t.Errorf("get(`(?m)^x`, rePOSIX) = nil error; want CompilePOSIX's")
	}
}

// An expression that fails gives regexp's error every time and is not
// kept.
func TestRegexpCacheErrors(t *testing.T) {
	t.Parallel()
	c := newReCache()
	//lint:ignore SA1000 the pattern is bad on purpose
	_, want := regexp.Compile("a(")
	for range 2 {
		if _, err := c.get(reKey{"a(", rePerl}); err == nil || err.Error() != want.Error() {
			t.Errorf("get(%q) = %v; want %v", "a(", err, want)
		}
	}
	if len(c.res) != 0 {
		t.Errorf("cache holds %d expressions after failures; want 0", len(c.res))
	}
}

// The cache holds reCacheSize expressions at most, forgetting the oldest.
func TestRegexpCacheBound(t *testing.T) {
	t.Parallel()
	c := newReCache()
	first, _ := c.get(reKey{"p0", rePerl})
	for i := 1; i <= reCacheSize; i++ {
		c.get(reKey{fmt.Sprintf("p%d", i), rePerl})
	}
	if len(c.res) != reCacheSize {
		t.Errorf("cache holds %d expressions; want %d", len(c.res), reCacheSize)
	}
	if again, _ := c.get(reKey{"p0", rePerl}); again == first {
		t.Errorf("oldest expression still held after %d newer ones", reCacheSize)
	}
	last, _ := c.get(reKey{fmt.Sprintf("p%d", reCacheSize), rePerl})
	if again, _ := c.get(reKey{fmt.Sprintf("p%d", reCacheSize), rePerl}); again != last {
		t.Errorf("newest expression compiled again; want it held")
	}
}

// Long sources are compiled each time, not kept.
func TestRegexpCacheLongSource(t *testing.T) {
	t.Parallel()
	src := fmt.Sprintf("x{0}%0*d", reCacheMaxSrc, 0)
	a, err := cachedRegexp(src, rePerl)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := cachedRegexp(src, rePerl); a == b {
		t.Errorf("cachedRegexp of a %d-byte source twice = the same expression; want two", len(src))
	}
}

// Callers on many goroutines share expressions (run with -race).
func TestRegexpCacheConcurrent(t *testing.T) {
	t.Parallel()
	c := newReCache()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 50 {
				re, err := c.get(reKey{fmt.Sprintf("^a%d", (i+j)%10), reLongest})
				if err != nil || !re.MatchString(fmt.Sprintf("a%d", (i+j)%10)) {
					t.Errorf("get(^a%d) = %v, %v; want a matching expression", (i+j)%10, re, err)
				}
			}
		})
	}
	wg.Wait()
}
