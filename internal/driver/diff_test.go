package driver

import "testing"

func TestUnifiedDiff(t *testing.T) {
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"equal", "a\nb\n", "a\nb\n", ""},
		{"change", "a\nb\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\nD\ne\nf\ng\nh\n",
			"--- x (old)\n+++ x (new)\n@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n"},
		{"insert at start", "b\n", "a\nb\n",
			"--- x (old)\n+++ x (new)\n@@ -1 +1,2 @@\n+a\n b\n"},
		{"delete at end", "a\nb\n", "a\n",
			"--- x (old)\n+++ x (new)\n@@ -1,2 +1 @@\n a\n-b\n"},
		{"no newline at end", "a\nb", "a\nc",
			"--- x (old)\n+++ x (new)\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"},
		{"two hunks", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n", "x\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\ny\n",
			"--- x (old)\n+++ x (new)\n@@ -1,4 +1,4 @@\n-1\n+x\n 2\n 3\n 4\n@@ -9,4 +9,4 @@\n 9\n 10\n 11\n-12\n+y\n"},
		{"into empty", "", "a\n", "--- x (old)\n+++ x (new)\n@@ -0,0 +1 @@\n+a\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := unifiedDiff("x (old)", "x (new)", []byte(tc.old), []byte(tc.new)); got != tc.want {
				t.Errorf("unifiedDiff:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}
