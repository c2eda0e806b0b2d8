// Each test starts the whole platform; on 2 cores they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
