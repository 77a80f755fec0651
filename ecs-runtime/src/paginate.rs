//! Paging through list APIs. Generated paginators call these with a closure sending one page
//! and a function reading the paging facts of a page; the stream ends on the last page.

use std::future::Future;
use std::pin::Pin;

use futures_util::stream::{self, Stream, StreamExt};

/// A stream of pages (or of items), ending at the last page or after the first error.
pub type PageStream<T, E> = Pin<Box<dyn Stream<Item = Result<T, E>> + Send>>;

/// What a page says about paging.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// How many items this page holds.
    pub items: usize,
    /// The total the service reports (`TotalCount`), if any.
    pub total_count: Option<i64>,
    /// The page size the service applied (`PageSize` in the answer), if any.
    pub page_size: Option<i64>,
    /// The token of the next page (`NextToken`), for token-paged APIs.
    pub next_token: Option<String>,
}

enum State<F> {
    Next { fetch: F, cursor: Cursor, seen: i64 },
    Done,
}

/// Where the next page starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cursor {
    /// A page number (from 1).
    Number(i64),
    /// A token (`None` for the first page).
    Token(Option<String>),
}

/// Pages by `PageNumber`/`PageSize`: starts at `first`, asks `fetch` for each page and stops
/// after an empty page, a page shorter than the page size, the page that reaches the reported
/// `TotalCount`, or an error (which is yielded).
pub fn by_page_number<O, E, F, Fut>(
    first: i64,
    page_size: i64,
    fetch: F,
    page_of: fn(&O) -> Page,
) -> PageStream<O, E>
where
    O: Send + 'static,
    E: Send + 'static,
    F: FnMut(Cursor) -> Fut + Send + 'static,
    Fut: Future<Output = Result<O, E>> + Send + 'static,
{
    drive(Cursor::Number(first.max(1)), page_size, fetch, page_of)
}

/// Pages by `NextToken`: stops when the answer's token is empty (or repeats the one sent), or
/// on an error (which is yielded).
pub fn by_token<O, E, F, Fut>(fetch: F, page_of: fn(&O) -> Page) -> PageStream<O, E>
where
    O: Send + 'static,
    E: Send + 'static,
    F: FnMut(Cursor) -> Fut + Send + 'static,
    Fut: Future<Output = Result<O, E>> + Send + 'static,
{
    drive(Cursor::Token(None), 0, fetch, page_of)
}

fn drive<O, E, F, Fut>(
    start: Cursor,
    page_size: i64,
    fetch: F,
    page_of: fn(&O) -> Page,
) -> PageStream<O, E>
where
    O: Send + 'static,
    E: Send + 'static,
    F: FnMut(Cursor) -> Fut + Send + 'static,
    Fut: Future<Output = Result<O, E>> + Send + 'static,
{
    let initial = State::Next {
        fetch,
        cursor: start,
        seen: 0,
    };
    Box::pin(stream::unfold(initial, move |state| async move {
        let State::Next {
            mut fetch,
            cursor,
            seen,
        } = state
        else {
            return None;
        };
        match fetch(cursor.clone()).await {
            Err(e) => Some((Err(e), State::Done)),
            Ok(out) => {
                let page = page_of(&out);
                let seen = seen + page.items as i64;
                let next = match cursor {
                    Cursor::Number(n) => {
                        let size = page.page_size.filter(|s| *s > 0).unwrap_or(page_size);
                        let last = page.items == 0
                            || (size > 0 && (page.items as i64) < size)
                            || page.total_count.is_some_and(|t| seen >= t);
                        (!last).then_some(Cursor::Number(n + 1))
                    }
                    Cursor::Token(sent) => match page.next_token {
                        Some(t) if !t.is_empty() && Some(&t) != sent.as_ref() => {
                            Some(Cursor::Token(Some(t)))
                        }
                        _ => None,
                    },
                };
                let state = match next {
                    Some(cursor) => State::Next {
                        fetch,
                        cursor,
                        seen,
                    },
                    None => State::Done,
                };
                Some((Ok(out), state))
            }
        }
    }))
}

/// The items of every page, in order; an error ends the stream after being yielded.
pub fn items<O, T, E>(pages: PageStream<O, E>, items_of: fn(O) -> Vec<T>) -> PageStream<T, E>
where
    O: Send + 'static,
    T: Send + 'static,
    E: Send + 'static,
{
    Box::pin(pages.flat_map(move |page| match page {
        Ok(out) => stream::iter(items_of(out).into_iter().map(Ok).collect::<Vec<_>>()),
        Err(e) => stream::iter(vec![Err(e)]),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn numbered(total: i64, size: i64, reported_total: bool) -> Vec<usize> {
        let fetch = move |cursor: Cursor| async move {
            let Cursor::Number(n) = cursor else {
                unreachable!()
            };
            let start = (n - 1) * size;
            let count = (total - start).clamp(0, size) as usize;
            Ok::<_, ()>((count, reported_total.then_some(total)))
        };
        let pages = by_page_number(1, size, fetch, |o: &(usize, Option<i64>)| Page {
            items: o.0,
            total_count: o.1,
            ..Page::default()
        });
        pages
            .map(|p| p.map(|o| o.0))
            .collect::<Vec<_>>()
            .await
            .into_iter()
            .map(|p| p.expect("ok"))
            .collect()
    }

    #[tokio::test]
    async fn page_number_stops_on_the_last_page() {
        assert_eq!(numbered(25, 10, true).await, vec![10, 10, 5]);
        assert_eq!(
            numbered(20, 10, true).await,
            vec![10, 10],
            "exact multiple, total known"
        );
        assert_eq!(
            numbered(20, 10, false).await,
            vec![10, 10, 0],
            "exact multiple, no total"
        );
        assert_eq!(numbered(0, 10, true).await, vec![0], "empty result");
    }

    #[tokio::test]
    async fn token_paging_stops_on_empty_or_repeated_token() {
        let fetch = |cursor: Cursor| async move {
            let Cursor::Token(t) = cursor else {
                unreachable!()
            };
            Ok::<_, ()>(match t.as_deref() {
                None => Some("a".to_owned()),
                Some("a") => Some("b".to_owned()),
                _ => Some(String::new()),
            })
        };
        let pages = by_token(fetch, |o: &Option<String>| Page {
            items: 1,
            next_token: o.clone(),
            ..Page::default()
        });
        let got = pages.collect::<Vec<_>>().await;
        assert_eq!(got.len(), 3);
    }

    #[tokio::test]
    async fn an_error_ends_the_stream() {
        let fetch = |cursor: Cursor| async move {
            match cursor {
                Cursor::Number(1) => Ok(10usize),
                _ => Err("boom"),
            }
        };
        let pages = by_page_number(1, 10, fetch, |o: &usize| Page {
            items: *o,
            ..Page::default()
        });
        let got = pages.collect::<Vec<_>>().await;
        assert_eq!(got, vec![Ok(10), Err("boom")]);
    }
}
