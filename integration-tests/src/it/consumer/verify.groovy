// The consumer trained, exported and predicted: the demo's two lines are in its log.
def log = new File(basedir, 'build.log').text
assert log =~ /test accuracy \d\.\d{3}/
assert log.contains('vertical stripes look vertical')
