package vfs

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A tree spanning several chunks of the inode table stays independent of
// its clones, whichever chunks either side changes, and its inodes keep
// their numbers.
func TestCloneManyChunks(t *testing.T) {
	t.Parallel()
	const files = 3*chunkSize + 5
	orig := New()
	mustDo(t, orig, "Mkdir /d")
	for i := range files {
		mustDo(t, orig, fmt.Sprintf("Write /d/f%03d %d", i, i))
	}
	changes := [][]string{
		{"Write /d/f000 a", "Write /d/f200 b", "Remove /d/f300"},
		{"Remove /d/f001", "Remove /d/f129", "Remove /d/f260", "Mkdir /d/new", "Write /d/new/x y"},
		{"RemoveAll /d"},
	}
	for i, calls := range changes {
		want := snapshot(t, orig)
		clone := orig.Clone()
		for _, c := range calls {
			mustDo(t, clone, c)
		}
		if diff := cmp.Diff(want, snapshot(t, orig)); diff != "" {
			t.Errorf("changes %d: the original changed with its clone (-want +got):\n%s", i, diff)
		}
		grand := clone.Clone()
		grandWant := snapshot(t, grand)
		for _, c := range calls {
			if err := do(orig, c); err != nil {
				t.Fatalf("changes %d: %s on the original = %v", i, c, err)
			}
			do(clone, "Write /d/f002 again") // the clone changes on
		}
		if diff := cmp.Diff(grandWant, snapshot(t, grand)); diff != "" {
			t.Errorf("changes %d: clone of the clone changed (-want +got):\n%s", i, diff)
		}
		for _, f := range []*FS{orig, clone, grand} {
			if msg := invariants(f); msg != "" {
				t.Errorf("changes %d: %s", i, msg)
			}
		}
		orig = New()
		if err := orig.CopyTree(grand); err != nil {
			t.Fatal(err)
		}
	}
}

func TestInodeTable(t *testing.T) {
	t.Parallel()
	var a inodeTable
	nodes := make([]*inode, 3*chunkSize)
	for i := range nodes {
		nodes[i] = &inode{attrs: attrs{ino: uint64(i)}}
		a.set(1, uint64(i), nodes[i])
	}
	b := a.clone()
	a.set(2, 5, nil)
	b.set(3, chunkSize+1, nil)
	b.set(3, 2*chunkSize, nodes[0])
	tests := []struct {
		t    *inodeTable
		ino  uint64
		want *inode
	}{
		{&a, 5, nil}, {&b, 5, nodes[5]},
		{&a, chunkSize + 1, nodes[chunkSize+1]}, {&b, chunkSize + 1, nil},
		{&a, 2 * chunkSize, nodes[2*chunkSize]}, {&b, 2 * chunkSize, nodes[0]},
		{&a, 3 * chunkSize, nil}, {&b, 1 << 40, nil},
	}
	for _, tt := range tests {
		if got := tt.t.get(tt.ino); got != tt.want {
			t.Errorf("get(%d) = %p; want %p", tt.ino, got, tt.want)
		}
	}
}
