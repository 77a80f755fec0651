//! Waiters against a local server whose instance state advances with every poll. The clock and
//! the sleeper are injected, so minutes of polling take microseconds.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use ecs_client::{Client, Config, Credentials};
use ecs_runtime::wait::WaitError;
use ecs_tests::{FakeSleep, ManualClock};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

/// Answers each poll with the next list of states (`None`: an error), repeating the last.
struct States(Vec<Option<Vec<&'static str>>>, AtomicUsize);

impl Respond for States {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let i = self.1.fetch_add(1, Ordering::SeqCst);
        match &self.0[i.min(self.0.len() - 1)] {
            None => ResponseTemplate::new(400)
                .set_body_string(r#"{"RequestId":"r","Code":"InvalidParameter","Message":"bad"}"#),
            Some(states) => {
                let items: Vec<String> = states
                    .iter()
                    .enumerate()
                    .map(|(n, s)| format!(r#"{{"InstanceId":"i-{n}","Status":"{s}"}}"#))
                    .collect();
                ResponseTemplate::new(200).set_body_string(format!(
                    r#"{{"RequestId":"r","TotalCount":{},"Instances":{{"Instance":[{}]}}}}"#,
                    items.len(),
                    items.join(",")
                ))
            }
        }
    }
}

async fn setup(states: Vec<Option<Vec<&'static str>>>) -> (MockServer, Client, Arc<FakeSleep>) {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(States(states, AtomicUsize::new(0)))
        .mount(&server)
        .await;
    let clock = ManualClock::new(SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000));
    let sleep = FakeSleep::advancing(clock.clone());
    let config = Config::builder()
        .credentials(Credentials::new("id", "secret"))
        .endpoint(server.uri())
        .clock(clock)
        .sleeper(sleep.clone())
        .build()
        .expect("config");
    (server, Client::new(config).expect("client"), sleep)
}

fn secs(v: &[u64]) -> Vec<Duration> {
    v.iter().copied().map(Duration::from_secs).collect()
}

#[tokio::test]
async fn waits_until_every_instance_runs_with_growing_delays() {
    let (server, client, sleep) = setup(vec![
        Some(vec!["Pending", "Pending"]),
        Some(vec!["Starting", "Running"]),
        Some(vec!["Running", "Running"]),
    ])
    .await;
    let done = client
        .describe_instances()
        .region_id("cn-hangzhou")
        .instance_ids("i-0")
        .instance_ids("i-1")
        .wait_until_instance_running()
        .wait()
        .await
        .expect("running");
    assert_eq!(done.polls, 3);
    assert_eq!(done.waited, Duration::from_secs(15));
    assert_eq!(done.output.expect("last answer").instances.len(), 2);
    assert_eq!(sleep.delays(), secs(&[5, 10]));
    let sent = server.received_requests().await.expect("recording");
    assert!(sent.iter().all(|r| r
        .url
        .query_pairs()
        .any(|(k, v)| k == "InstanceIds" && v == r#"["i-0","i-1"]"#)));
}

#[tokio::test]
async fn a_terminal_state_fails_early_and_names_it() {
    let (_server, client, sleep) = setup(vec![
        Some(vec!["Starting"]),
        Some(vec!["Deleted"]),
        Some(vec!["Running"]),
    ])
    .await;
    let err = client
        .describe_instances()
        .region_id("cn-hangzhou")
        .wait_until_instance_running()
        .wait()
        .await
        .expect_err("deleted");
    match &err {
        WaitError::FailureState { state, polls, .. } => {
            assert_eq!((state.as_str(), *polls), ("Deleted", 2));
        }
        other => panic!("expected a failure state, got {other:?}"),
    }
    assert!(err.to_string().contains("InstanceRunning"), "{err}");
    assert_eq!(sleep.delays(), secs(&[5]));
}

#[tokio::test]
async fn the_limit_ends_the_wait_with_the_last_state() {
    let (_server, client, sleep) = setup(vec![Some(vec!["Stopping"])]).await;
    let err = client
        .describe_instances()
        .region_id("cn-hangzhou")
        .wait_until_instance_stopped()
        .max_wait(Duration::from_secs(60))
        .wait()
        .await
        .expect_err("never stops");
    match &err {
        WaitError::Timeout {
            last_state,
            waited,
            polls,
            ..
        } => {
            assert_eq!(last_state, "Stopping");
            assert_eq!(*waited, Duration::from_secs(60));
            assert_eq!(*polls, 5);
        }
        other => panic!("expected a timeout, got {other:?}"),
    }
    assert!(
        err.to_string().contains("last observed state: Stopping"),
        "{err}"
    );
    // 5, 10, 20, then capped at 30 but only 25 s are left.
    assert_eq!(sleep.delays(), secs(&[5, 10, 20, 25]));
}

#[tokio::test]
async fn deletion_succeeds_when_the_list_empties() {
    let (_server, client, _) = setup(vec![Some(vec!["Stopped"]), Some(vec![])]).await;
    let done = client
        .describe_instances()
        .region_id("cn-hangzhou")
        .instance_ids("i-0")
        .wait_until_instance_deleted()
        .wait()
        .await
        .expect("deleted");
    assert_eq!(done.polls, 2);
}

#[tokio::test]
async fn a_poll_error_stops_the_wait() {
    let (_server, client, _) = setup(vec![Some(vec!["Starting"]), None]).await;
    let err = client
        .describe_instances()
        .region_id("cn-hangzhou")
        .wait_until_instance_running()
        .wait()
        .await
        .expect_err("error");
    match err {
        WaitError::Operation { source, .. } => assert_eq!(
            source.service_error().map(|e| e.code().to_owned()),
            Some("InvalidParameter".to_owned())
        ),
        other => panic!("expected the poll's error, got {other:?}"),
    }
}

/// Answers each poll with the next body, repeating the last.
struct Bodies(Vec<String>, AtomicUsize);

impl Respond for Bodies {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let i = self.1.fetch_add(1, Ordering::SeqCst);
        ResponseTemplate::new(200).set_body_string(self.0[i.min(self.0.len() - 1)].clone())
    }
}

async fn client_with(bodies: Vec<String>) -> (MockServer, Client) {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(Bodies(bodies, AtomicUsize::new(0)))
        .mount(&server)
        .await;
    let clock = ManualClock::new(SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000));
    let config = Config::builder()
        .credentials(Credentials::new("id", "secret"))
        .endpoint(server.uri())
        .clock(clock.clone())
        .sleeper(FakeSleep::advancing(clock))
        .build()
        .expect("config");
    (server, Client::new(config).expect("client"))
}

#[tokio::test]
async fn disk_snapshot_and_invocation_waiters() {
    let disk = |s: &str| {
        format!(r#"{{"RequestId":"r","Disks":{{"Disk":[{{"DiskId":"d-1","Status":"{s}"}}]}}}}"#)
    };
    let (_server, client) = client_with(vec![disk("Attaching"), disk("In_use")]).await;
    let done = client
        .describe_disks()
        .region_id("cn-hangzhou")
        .disk_ids("d-1")
        .wait_until_disk_in_use()
        .wait()
        .await
        .expect("in use");
    assert_eq!((done.polls, done.waited), (2, Duration::from_secs(3)));

    let snap = |s: &str| {
        format!(
            r#"{{"RequestId":"r","Snapshots":{{"Snapshot":[{{"SnapshotId":"s-1","Status":"{s}"}}]}}}}"#
        )
    };
    let (_server, client) = client_with(vec![snap("progressing"), snap("failed")]).await;
    let err = client
        .describe_snapshots()
        .region_id("cn-hangzhou")
        .snapshot_ids("s-1")
        .wait_until_snapshot_accomplished()
        .wait()
        .await
        .expect_err("failed");
    assert!(
        matches!(&err, WaitError::FailureState { state, .. } if state == "failed"),
        "{err:?}"
    );

    let inv = |s: &str| {
        format!(
            r#"{{"RequestId":"r","Invocations":{{"Invocation":[{{"InvokeId":"t-1","InvokeStatus":"{s}"}}]}}}}"#
        )
    };
    let (_server, client) =
        client_with(vec![inv("Running"), inv("Running"), inv("Finished")]).await;
    let done = client
        .describe_invocations()
        .region_id("cn-hangzhou")
        .invoke_id("t-1")
        .wait_until_invocation_finished()
        .wait()
        .await
        .expect("finished");
    assert_eq!((done.polls, done.waited), (3, Duration::from_secs(2 + 4)));
    let (_server, client) = client_with(vec![inv("PartialFailed")]).await;
    let err = client
        .describe_invocations()
        .region_id("cn-hangzhou")
        .invoke_id("t-1")
        .wait_until_invocation_finished()
        .wait()
        .await
        .expect_err("partial failure");
    assert!(err.to_string().contains("PartialFailed"), "{err}");
}

#[tokio::test]
async fn task_waiter_follows_image_import_and_export_tasks() {
    let task = |s: &str| {
        format!(
            r#"{{"RequestId":"r","TaskSet":{{"Task":[{{"TaskId":"t-1","TaskStatus":"{s}"}}]}}}}"#
        )
    };
    let (_server, client) = client_with(vec![
        task("Processing"),
        task("Processing"),
        task("Finished"),
    ])
    .await;
    let done = client
        .describe_tasks()
        .region_id("cn-hangzhou")
        .task_action("ImportImage")
        .task_ids("t-1")
        .wait_until_task_finished()
        .wait()
        .await
        .expect("finished");
    assert_eq!((done.polls, done.waited), (3, Duration::from_secs(15 + 30)));

    let (_server, client) = client_with(vec![task("Processing"), task("Deleted")]).await;
    let err = client
        .describe_tasks()
        .region_id("cn-hangzhou")
        .task_action("ExportImage")
        .task_ids("t-1")
        .wait_until_task_finished()
        .wait()
        .await
        .expect_err("cancelled");
    assert!(
        matches!(&err, WaitError::FailureState { state, .. } if state == "Deleted"),
        "{err:?}"
    );
}
