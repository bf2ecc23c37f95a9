#!/bin/sh
# Review rule, enforced: no SQL is ever assembled from user text.
#  1. Only src/store talks to SQLite (sqlite3_prepare*, sqlite3_exec).
#  2. No SQL is formatted: sqlite3_mprintf and friends are not used.
#  3. Every SQL text handed to SQLite is a string literal, a constant array
#     named *_sql, a choice between literals, or the parameter `sql` of a
#     small helper whose every caller passes one of those. A line marked
#     "sql-lint: constants" is formatted from constants only (the schema
#     and its version number) and is listed for review.
set -u
src=${SC_SRCDIR:-.}/src
fail=0
bad=$(grep -rn 'sqlite3_prepare\|sqlite3_exec' "$src" --include='*.c' | grep -v "^$src/store/")
if [ -n "$bad" ]; then
	echo "not ok - SQLite called outside src/store:"; echo "$bad"; fail=1
else
	echo "ok - only src/store talks to SQLite"
fi
bad=$(grep -rn 'sqlite3_[a-z]*printf' "$src" --include='*.c')
if [ -n "$bad" ]; then
	echo "not ok - SQL formatted with sqlite3_*printf:"; echo "$bad"; fail=1
else
	echo "ok - no SQL formatted with sqlite3_*printf"
fi
perl -e '
	my $fail = 0; my %helpers; my %consts; my @files; my %spans;
	for my $f (@ARGV) {
		open my $fh, "<", $f or die; local $/; my $t = <$fh>; close $fh;
		$t =~ s{/\*(.*?)\*/}{ my $c = $1; ($c =~ /sql-lint: constants/ ? "/*sql-lint: constants*/" : "") . ("\n" x ($c =~ tr/\n//)) }gse;
		my @spans;
		while ($t =~ /^(?:static\s+)?[\w\s\*]+?\b(\w+)\s*\([^)]*?,\s*const char \*sql\b[^)]*\)\s*\n\{/mg) {
			$helpers{$1} = 1;
			my $start = pos($t); my $end = index($t, "\n}\n", $start);
			push @spans, [$start, $end < 0 ? length($t) : $end];
		}
		$spans{$f} = \@spans;
		while ($t =~ /const char (\w+_sql)\[\]\s*=/g) { $consts{$1} = 1 }
		push @files, [$f, $t];
	}
	$consts{schema_sql} = 1;  # src/store/schema.c
	my $ok_arg = sub {
		my ($s) = @_;
		return 1 if $s =~ /^"/;
		return 1 if $s =~ /^(\w+)\b/ && $consts{$1};
		return 1 if $s =~ /^[\w>.-]+\s*\?\s*"(?:[^"\\]|\\.)*"\s*:\s*"/s;
		return 0;
	};
	for my $c (@files) {
		my ($f, $t) = @$c;
		my $check = sub {
			my ($what, $re, $allow_sql) = @_;
			while ($t =~ /$re/g) {
				my $p = pos($t); my $s = substr($t, $p, 200); $s =~ s/^\s+//;
				next if $allow_sql && $s =~ /^sql\b/ && grep { $p >= $_->[0] && $p <= $_->[1] } @{$spans{$f}};
				next if $ok_arg->($s);
				my $line = (() = substr($t, 0, $p) =~ /\n/g) + 1;
				my @l = split /\n/, $t;
				if (($l[$line - 1] // "") =~ /sql-lint: constants/ || ($l[$line - 2] // "") =~ /sql-lint: constants/) {
					print "ok - $f:$line is formatted from constants only (reviewed)\n"; next;
				}
				(my $show = $s) =~ s/\n.*//s;
				print "not ok - $f:$line: $what: $show\n"; $fail = 1;
			}
		};
		# a helper may hand its own parameter `sql` on (its callers are checked)
		$check->("SQLite given non-literal SQL", qr/\bsqlite3_(?:prepare_v2|exec)\s*\(\s*[^,]+,/, 1);
		for my $h (keys %helpers) {
			$check->("$h() given non-literal SQL", qr/(?<![\w>.])$h\s*\(\s*[^,()]+(?:\([^()]*\))?\s*,(?!\s*const char)/, 1);
		}
	}
	print "ok - every SQL text is a literal or a constant (helpers: ", join(", ", sort keys %helpers), ")\n" unless $fail;
	exit $fail;
' "$src"/store/*.c || fail=1
if [ "$fail" -eq 0 ]; then echo "3 passed, 0 failed"; else echo "some failed"; fi
exit "$fail"
