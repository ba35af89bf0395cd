// The consumer trained, exported and predicted, once and from many threads: its lines are in its log.
def log = new File(basedir, 'build.log').text
assert log =~ /test accuracy \d\.\d{3}/
assert log.contains('vertical stripes look vertical')
assert log =~ /\d+ of 64 predicted in parallel look vertical/
assert log.contains('tensorboard --logdir')
