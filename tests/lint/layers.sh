#!/bin/sh
# Review rule, enforced: each layer includes only its own and lower layers.
#   core < store < import < explain < study < view < cli, tui
# cli and tui never include each other; src/main.c (and the build tool
# src/mkdb.c) may include any layer. A header is found by its name in
# src/<layer>/, so a header name must be unique across layers (else the
# -I order, not the rule, would decide which one a file gets).
# ALLOW (the environment variable SC_LAYERS_ALLOW) may list exceptions as
# layer/file:header, to try one out; the tree itself has none.
set -u
src=${SC_SRCDIR:-.}/src
ALLOW=${SC_LAYERS_ALLOW-}
perl -e '
	my ($src, $allow) = @ARGV;
	my @order = qw(core store import explain study view cli tui);
	my %rank; @rank{@order} = (0 .. 6, 6);
	my %allow = map { $_ => 1 } split /\s+/, $allow;
	my (%where, $fail);
	for my $layer (@order) {
		for my $h (glob "$src/$layer/*.h") {
			(my $name = $h) =~ s{.*/}{};
			if ($where{$name}) { print "not ok - $name is in both src/$where{$name} and src/$layer\n"; $fail = 1 }
			$where{$name} = $layer;
		}
	}
	my $files = 0;
	for my $layer (@order) {
		for my $f (glob "$src/$layer/*.[ch]") {
			(my $base = $f) =~ s{.*/}{};
			open my $fh, "<", $f or die "$f: $!";
			$files++;
			while (<$fh>) {
				next unless /^\s*#\s*include\s*"([^"]+)"/;
				my $h = $1;
				next if $h eq "config.h";
				my $to = $where{$h};
				if (!defined $to) { print "not ok - src/$layer/$base:$.: \"$h\" is in no layer\n"; $fail = 1; next }
				next if $to eq $layer;
				my $bad = $rank{$to} > $rank{$layer} ? "a higher layer" :
				          ($rank{$to} == $rank{$layer}) ? "its sibling (cli and tui never include each other)" : "";
				next unless $bad;
				if ($allow{"$layer/$base:$h"}) { print "ok - src/$layer/$base includes $h (allowed for now)\n"; next }
				print "not ok - src/$layer/$base:$.: includes \"$h\" from src/$to, $bad\n";
				$fail = 1;
			}
			close $fh;
		}
	}
	print "ok - $files files checked against core < store < import < explain < study < view < cli, tui\n" unless $fail;
	exit($fail ? 1 : 0);
' "$src" "$ALLOW"
