package io.chainpos.server.testing.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A real browser on head office's pages: open a path, fill and submit forms, read what the page shows. */
public final class Browser {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final URI base;

    Browser(WebDriver driver, URI base) {
        this.driver = driver;
        this.base = base;
    }

    /** A browser on the server at {@code base} (a test with a server of its own starts the driver with {@link Chromium}). */
    public static Browser on(WebDriver driver, URI base) {
        return new Browser(driver, base);
    }

    public Browser open(String path) {
        driver.get(base.resolve(path).toString());
        return this;
    }

    /** Types into the field with this id (emptied first). */
    public Browser fill(String id, String value) {
        WebElement field = element(By.id(id));
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /** Chooses the option with this value in the select with this id. */
    public Browser choose(String id, String value) {
        new org.openqa.selenium.support.ui.Select(element(By.id(id))).selectByValue(value);
        return this;
    }

    /** Clicks the element with this id and waits for the page it leads to to load. */
    public Browser click(String id) {
        WebElement clicked = element(By.id(id));
        clicked.click();
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.or(ExpectedConditions.stalenessOf(clicked),
                d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"))));
        waitForLoad();
        return this;
    }

    /** Clicks a button whose form asks first ({@code data-confirm}), answering yes, and waits for the next page. */
    public Browser clickConfirming(String id) {
        ((JavascriptExecutor) driver).executeScript("window.confirm = function () { return true; };");
        return click(id);
    }

    /** The text of the element with this id, once it is there. */
    public String text(String id) {
        return element(By.id(id)).getText();
    }

    public boolean has(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    public List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    public String heading() {
        return element(By.tagName("h1")).getText();
    }

    /** The path of the page shown (after any redirect). */
    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    public String language() {
        return element(By.tagName("html")).getAttribute("lang");
    }

    public String source() {
        return driver.getPageSource();
    }

    /** Accepts the confirmation the page asked for (window.confirm, as htmx's hx-confirm asks). */
    public Browser acceptConfirmation() {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.alertIsPresent()).accept();
        return this;
    }

    /** Waits until {@code condition} holds: a partial update (htmx) or a script has done its work. */
    public Browser waitUntil(java.util.function.Predicate<Browser> condition) {
        new WebDriverWait(driver, PATIENCE).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> condition.test(this));
        return this;
    }

    /** Waits until the element with this id carries {@code attribute}: a script has done its work. */
    public Browser waitForAttribute(String id, String attribute) {
        new WebDriverWait(driver, PATIENCE).until(d -> d.findElement(By.id(id)).getAttribute(attribute) != null);
        return this;
    }

    public WebDriver driver() {
        return driver;
    }

    private WebElement element(By by) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    private void waitForLoad() {
        new WebDriverWait(driver, PATIENCE).until(
                d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }
}
